# ControlPlane: build with the .NET 10 SDK, run on the ASP.NET Core runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ControlPlane.Api/ControlPlane.Api.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listen on every interface inside the container; state goes to /data unless PostgreSQL is configured.
ENV ASPNETCORE_URLS=http://0.0.0.0:4566 \
    ConnectionStrings__Sqlite="Data Source=/data/controlplane.db"
VOLUME /data
EXPOSE 4566
ENTRYPOINT ["dotnet", "ControlPlane.Api.dll"]
