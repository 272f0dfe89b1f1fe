using Amazon.Runtime;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>Asserts the AWS error code (never the message text) a call fails with.</summary>
public static class AwsAssert
{
    public static async Task<AmazonServiceException> ErrorCode(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(call);
        Assert.Equal(code, error.ErrorCode);
        return error;
    }
}
